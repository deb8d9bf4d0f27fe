import type * as Types from './schema';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type SandboxViewFragment = { readonly id: string, readonly status: string, readonly runtime: string, readonly previewUrl: string | null, readonly terminalPath: string, readonly lastActivityAt: string };

export type ProjectSandboxesQueryVariables = Types.Exact<{
  projectId: Types.Scalars['ID']['input'];
}>;


export type ProjectSandboxesQuery = { readonly projectSandboxes: ReadonlyArray<{ readonly id: string, readonly status: string, readonly runtime: string, readonly previewUrl: string | null, readonly terminalPath: string, readonly lastActivityAt: string }> };

export type StartProjectSandboxMutationVariables = Types.Exact<{
  projectId: Types.Scalars['ID']['input'];
}>;


export type StartProjectSandboxMutation = { readonly startProjectSandbox: string };

export type DestroySandboxMutationVariables = Types.Exact<{
  id: Types.Scalars['ID']['input'];
}>;


export type DestroySandboxMutation = { readonly destroySandbox: boolean };

export type PreviewLinkFragment = { readonly url: string, readonly expiresAt: string | null };

export type OpenPreviewMutationVariables = Types.Exact<{
  sandboxId: Types.Scalars['ID']['input'];
}>;


export type OpenPreviewMutation = { readonly openPreview: { readonly url: string, readonly expiresAt: string | null } };

export const SandboxViewFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SandboxView"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Sandbox"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"runtime"}},{"kind":"Field","name":{"kind":"Name","value":"previewUrl"}},{"kind":"Field","name":{"kind":"Name","value":"terminalPath"}},{"kind":"Field","name":{"kind":"Name","value":"lastActivityAt"}}]}}]} as unknown as DocumentNode<SandboxViewFragment, unknown>;
export const PreviewLinkFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PreviewLink"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PreviewLink"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]} as unknown as DocumentNode<PreviewLinkFragment, unknown>;
export const ProjectSandboxesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProjectSandboxes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projectSandboxes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SandboxView"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SandboxView"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Sandbox"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"runtime"}},{"kind":"Field","name":{"kind":"Name","value":"previewUrl"}},{"kind":"Field","name":{"kind":"Name","value":"terminalPath"}},{"kind":"Field","name":{"kind":"Name","value":"lastActivityAt"}}]}}]} as unknown as DocumentNode<ProjectSandboxesQuery, ProjectSandboxesQueryVariables>;
export const StartProjectSandboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartProjectSandbox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startProjectSandbox"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}}]}]}}]} as unknown as DocumentNode<StartProjectSandboxMutation, StartProjectSandboxMutationVariables>;
export const DestroySandboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DestroySandbox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"destroySandbox"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DestroySandboxMutation, DestroySandboxMutationVariables>;
export const OpenPreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpenPreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sandboxId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openPreview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sandboxId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sandboxId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PreviewLink"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PreviewLink"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PreviewLink"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]} as unknown as DocumentNode<OpenPreviewMutation, OpenPreviewMutationVariables>;