import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Project as ProjectEntity, ProjectRun as ProjectRunEntity, ProjectFile as ProjectFileEntity } from '../modules/project/project.entity';
import type { User as UserEntity } from '../modules/user/user.entity';
import type { ProjectEvent as ProjectEventRecord } from '../modules/events/project-event-stream';
import type { GraphQLContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  DateTime: { input: Date; output: Date; }
  JSON: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

export type CreateProjectInput = {
  database?: InputMaybe<Scalars['String']['input']>;
  /** At most 500 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Up to 10 tags, each lowercase letters, digits and '-'. */
  features?: InputMaybe<Array<Scalars['String']['input']>>;
  framework: Scalars['String']['input'];
  /**
   * Makes retries safe: a second request with the same key returns the first request's project and
   * never starts a second run.
   */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** 2 to 64 characters: starts with a letter, then letters, digits, spaces, '-' or '_'. Unique per owner. */
  name: Scalars['String']['input'];
  styling?: InputMaybe<Scalars['String']['input']>;
  visibility?: InputMaybe<Scalars['String']['input']>;
};

export type FrameworkOption = {
  __typename?: 'FrameworkOption';
  id: Scalars['String']['output'];
  label: Scalars['String']['output'];
  language: Scalars['String']['output'];
  /** Whether the built-in scaffold produces a runnable starter today. */
  scaffolded: Scalars['Boolean']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  _noop: Maybe<Scalars['Boolean']['output']>;
  createProject: Project;
};


export type MutationCreateProjectArgs = {
  input: CreateProjectInput;
};

/** An application that a team and its agents build together. */
export type Project = {
  __typename?: 'Project';
  createdAt: Scalars['DateTime']['output'];
  /** none, postgresql, mysql, sqlite or mongodb. */
  database: Scalars['String']['output'];
  description: Scalars['String']['output'];
  features: Array<Scalars['String']['output']>;
  file: Maybe<ProjectFile>;
  /** Files sorted by path; content is loaded only when asked for. */
  files: Array<ProjectFile>;
  /** One of the values listed by the frameworks query (nextjs, react, vue, express, fastapi, django). */
  framework: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  latestRun: Maybe<ProjectRun>;
  name: Scalars['String']['output'];
  owner: User;
  /** Runs, newest first. */
  runs: Array<ProjectRun>;
  status: ProjectStatus;
  /** none, css, scss or tailwind. */
  styling: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** private, team or public. */
  visibility: Scalars['String']['output'];
};


/** An application that a team and its agents build together. */
export type ProjectFileArgs = {
  path: Scalars['String']['input'];
};

/**
 * A progress event of a project's runs, read from a Redis Stream. `id` is the stream id: pass the last
 * one you saw as `after` to resume with nothing missed and nothing repeated.
 */
export type ProjectEvent = {
  __typename?: 'ProjectEvent';
  at: Scalars['DateTime']['output'];
  data: Maybe<Scalars['JSON']['output']>;
  id: Scalars['String']['output'];
  message: Scalars['String']['output'];
  projectId: Scalars['ID']['output'];
  runId: Maybe<Scalars['ID']['output']>;
  /** run.queued, run.started, step.started, step.completed, file.created, run.completed, run.failed */
  type: Scalars['String']['output'];
};

export type ProjectFile = {
  __typename?: 'ProjectFile';
  content: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Monaco language id (typescript, javascript, python, json, markdown, plaintext, ...). */
  language: Scalars['String']['output'];
  path: Scalars['String']['output'];
  /** Size in bytes (UTF-8). */
  size: Scalars['Int']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

/** One durable build of a project: a Temporal workflow execution. */
export type ProjectRun = {
  __typename?: 'ProjectRun';
  createdAt: Scalars['DateTime']['output'];
  /** A readable reason when status is FAILED; never an internal message. */
  error: Maybe<Scalars['String']['output']>;
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  startedAt: Maybe<Scalars['DateTime']['output']>;
  status: RunStatus;
  workflowId: Scalars['String']['output'];
};

export type ProjectStatus =
  | 'BUILDING'
  | 'FAILED'
  | 'QUEUED'
  | 'READY';

export type Query = {
  __typename?: 'Query';
  frameworks: Array<FrameworkOption>;
  project: Maybe<Project>;
  /** Events already recorded for a project, oldest first, after the given stream id. */
  projectEventLog: Array<ProjectEvent>;
  projects: Array<Project>;
  /** The caller; until accounts land, the built-in local user. */
  viewer: User;
};


export type QueryProjectArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProjectEventLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  projectId: Scalars['ID']['input'];
};

export type RunStatus =
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type Subscription = {
  __typename?: 'Subscription';
  _noop: Maybe<Scalars['Boolean']['output']>;
  /** Every event after `after` (or from the beginning), then live events as they happen. */
  projectEvents: ProjectEvent;
};


export type SubscriptionProjectEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  projectId: Scalars['ID']['input'];
};

export type User = {
  __typename?: 'User';
  displayName: Scalars['String']['output'];
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CreateProjectInput: CreateProjectInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  FrameworkOption: ResolverTypeWrapper<FrameworkOption>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Project: ResolverTypeWrapper<ProjectEntity>;
  ProjectEvent: ResolverTypeWrapper<ProjectEventRecord>;
  ProjectFile: ResolverTypeWrapper<ProjectFileEntity>;
  ProjectRun: ResolverTypeWrapper<ProjectRunEntity>;
  ProjectStatus: ProjectStatus;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RunStatus: RunStatus;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  User: ResolverTypeWrapper<UserEntity>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Boolean: Scalars['Boolean']['output'];
  CreateProjectInput: CreateProjectInput;
  DateTime: Scalars['DateTime']['output'];
  FrameworkOption: FrameworkOption;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  JSON: Scalars['JSON']['output'];
  Mutation: Record<PropertyKey, never>;
  Project: ProjectEntity;
  ProjectEvent: ProjectEventRecord;
  ProjectFile: ProjectFileEntity;
  ProjectRun: ProjectRunEntity;
  Query: Record<PropertyKey, never>;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  User: UserEntity;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type FrameworkOptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FrameworkOption'] = ResolversParentTypes['FrameworkOption']> = {
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  language?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  scaffolded?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  _noop?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  createProject?: Resolver<ResolversTypes['Project'], ParentType, ContextType, RequireFields<MutationCreateProjectArgs, 'input'>>;
};

export type ProjectResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  database?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  features?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  file?: Resolver<Maybe<ResolversTypes['ProjectFile']>, ParentType, ContextType, RequireFields<ProjectFileArgs, 'path'>>;
  files?: Resolver<Array<ResolversTypes['ProjectFile']>, ParentType, ContextType>;
  framework?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  latestRun?: Resolver<Maybe<ResolversTypes['ProjectRun']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  runs?: Resolver<Array<ResolversTypes['ProjectRun']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ProjectStatus'], ParentType, ContextType>;
  styling?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  visibility?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ProjectEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProjectEvent'] = ResolversParentTypes['ProjectEvent']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  data?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  runId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ProjectFileResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProjectFile'] = ResolversParentTypes['ProjectFile']> = {
  content?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  language?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type ProjectRunResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProjectRun'] = ResolversParentTypes['ProjectRun']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RunStatus'], ParentType, ContextType>;
  workflowId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  frameworks?: Resolver<Array<ResolversTypes['FrameworkOption']>, ParentType, ContextType>;
  project?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType, RequireFields<QueryProjectArgs, 'id'>>;
  projectEventLog?: Resolver<Array<ResolversTypes['ProjectEvent']>, ParentType, ContextType, RequireFields<QueryProjectEventLogArgs, 'projectId'>>;
  projects?: Resolver<Array<ResolversTypes['Project']>, ParentType, ContextType>;
  viewer?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  _noop?: SubscriptionResolver<Maybe<ResolversTypes['Boolean']>, "_noop", ParentType, ContextType>;
  projectEvents?: SubscriptionResolver<ResolversTypes['ProjectEvent'], "projectEvents", ParentType, ContextType, RequireFields<SubscriptionProjectEventsArgs, 'projectId'>>;
};

export type UserResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  DateTime?: GraphQLScalarType;
  FrameworkOption?: FrameworkOptionResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  ProjectEvent?: ProjectEventResolvers<ContextType>;
  ProjectFile?: ProjectFileResolvers<ContextType>;
  ProjectRun?: ProjectRunResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

