import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed resolvers from the schema files; run `npm run codegen` after editing any .graphql file. */
const config: CodegenConfig = {
  schema: 'api/src/graphql/**/*.graphql',
  generates: {
    'api/src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        contextType: '../context#GraphQLContext',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'Date', JSON: 'Record<string, unknown>' },
        mappers: {
          Project: '../../../core/project/project.entity#Project as ProjectEntity',
          ProjectRun: '../../../core/project/project.entity#ProjectRun as ProjectRunEntity',
          ProjectFile: '../../../core/project/project.entity#ProjectFile as ProjectFileEntity',
          User: '../../../core/user/user.entity#User as UserEntity',
          ProjectEvent: '../../../core/events/project-event-stream#ProjectEvent as ProjectEventRecord',
          Team: '../../../core/team/team.entity#Team as TeamEntity',
          AuditEvent: '../../../core/audit/audit.entity#AuditEvent as AuditEventEntity',
          ProviderKey: '../../../core/keys/provider-key.entity#ProviderKey as ProviderKeyEntity',
          TeamInvitation: '../../../core/team/team.entity#TeamInvitation as TeamInvitationEntity',
          FileVersion: '../../../core/files/file-history#FileVersionRecord',
          Room: '../../../core/rooms/room.entities#Room as RoomEntity',
          RoomMember: '../../../core/rooms/room.entities#RoomMember as RoomMemberEntity',
          RoomInvite: '../../../core/rooms/room.entities#RoomInvite as RoomInviteEntity',
          Theme: '../../../contracts/themes#Theme as ThemeData',
          Deployment: '../../../core/deploy/deploy.entities#Deployment as DeploymentEntity',
          DeployToken: '../../../core/deploy/deploy.entities#DeployToken as DeployTokenEntity',
          DeployLogLine: '../../../contracts/deploy#DeployLogLine as DeployLogLineData',
          DeployTargetSettings: '../../../core/deploy/deploy.service#TargetView',
          ProjectDeployments: '../graphql/deploy/deploy-views#ProjectDeploymentsParent',
          BillingAccount: '../../../core/billing/billing-views#BillingAccountView',
          Invoice: '../../../core/billing/billing.entities#Invoice as InvoiceEntity',
        },
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        maybeValue: 'T | null',
      },
    },
  },
};
export default config;
