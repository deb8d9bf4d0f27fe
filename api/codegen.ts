import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed resolvers from the schema files; run `npm run codegen` after editing any .graphql file. */
const config: CodegenConfig = {
  schema: 'api/src/modules/**/*.graphql',
  generates: {
    'api/src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        contextType: '../context#GraphQLContext',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'Date', JSON: 'Record<string, unknown>' },
        mappers: {
          Project: '../modules/project/project.entity#Project as ProjectEntity',
          ProjectRun: '../modules/project/project.entity#ProjectRun as ProjectRunEntity',
          ProjectFile: '../modules/project/project.entity#ProjectFile as ProjectFileEntity',
          User: '../modules/user/user.entity#User as UserEntity',
          ProjectEvent: '../modules/events/project-event-stream#ProjectEvent as ProjectEventRecord',
          Team: '../modules/team/team.entity#Team as TeamEntity',
          AuditEvent: '../modules/audit/audit.entity#AuditEvent as AuditEventEntity',
          ProviderKey: '../modules/keys/provider-key.entity#ProviderKey as ProviderKeyEntity',
          TeamInvitation: '../modules/team/team.entity#TeamInvitation as TeamInvitationEntity',
        },
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        maybeValue: 'T | null',
      },
    },
  },
};
export default config;
