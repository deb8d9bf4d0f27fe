import { Injectable, inject } from '@angular/core';
import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { Apollo } from 'apollo-angular';
import type { Observable } from 'rxjs';
import { toResult } from '../../../core/apollo-result';
import type { Result } from '../../../core/user-facing-error';
import type {
  CreatedInvitation,
  InvitationPreview,
  TeamDetail,
  TeamMember,
  TeamSummary,
} from '../models/team.models';
import {
  AcceptInvitationDocument,
  ChangeTeamRoleDocument,
  CreateTeamDocument,
  DeleteTeamDocument,
  InvitationDocument,
  InviteToTeamDocument,
  LeaveTeamDocument,
  RemoveTeamMemberDocument,
  RevokeInvitationDocument,
  TeamDocument,
  TeamsDocument,
  TransferTeamOwnershipDocument,
} from '../../../generated/team';

/**
 * The teams feature's view of the GraphQL API. Every call ends in a `Result`; a `false` from a
 * boolean mutation counts as success (the server throws when it refuses).
 */
@Injectable({ providedIn: 'root' })
export class TeamsApi {
  private readonly apollo = inject(Apollo);

  list(): Observable<Result<readonly TeamSummary[]>> {
    return toResult(
      this.apollo.query({ query: TeamsDocument, fetchPolicy: 'network-only' }),
      (d) => d.teams,
    );
  }

  /** The team, or NOT_FOUND when the caller is not in it. */
  get(id: string): Observable<Result<TeamDetail>> {
    return toResult(
      this.apollo.query({ query: TeamDocument, variables: { id }, fetchPolicy: 'network-only' }),
      (d) => d.team,
    );
  }

  /** What an invitation link offers; asked without caching, as anyone may hold the link. */
  invitation(token: string): Observable<Result<InvitationPreview>> {
    return toResult(
      this.apollo.query({
        query: InvitationDocument,
        variables: { token },
        fetchPolicy: 'no-cache',
      }),
      (d) => d.invitation,
    );
  }

  create(name: string): Observable<Result<TeamSummary>> {
    return this.mutate(CreateTeamDocument, { name }, (d) => d.createTeam);
  }

  invite(teamId: string, role: string): Observable<Result<CreatedInvitation>> {
    // no-cache: the link is shown once and must not linger in the store.
    return toResult(
      this.apollo.mutate({
        mutation: InviteToTeamDocument,
        variables: { teamId, role },
        fetchPolicy: 'no-cache',
      }),
      (d) => d.inviteToTeam,
    );
  }

  accept(token: string): Observable<Result<TeamSummary>> {
    return this.mutate(AcceptInvitationDocument, { token }, (d) => d.acceptInvitation);
  }

  revokeInvitation(id: string): Observable<Result<boolean>> {
    return this.mutate(RevokeInvitationDocument, { id }, (d) => d.revokeInvitation);
  }

  removeMember(teamId: string, userId: string): Observable<Result<boolean>> {
    return this.mutate(RemoveTeamMemberDocument, { teamId, userId }, (d) => d.removeTeamMember);
  }

  changeRole(teamId: string, userId: string, role: string): Observable<Result<TeamMember>> {
    return this.mutate(ChangeTeamRoleDocument, { teamId, userId, role }, (d) => d.changeTeamRole);
  }

  transferOwnership(teamId: string, userId: string): Observable<Result<TeamDetail>> {
    return this.mutate(
      TransferTeamOwnershipDocument,
      { teamId, userId },
      (d) => d.transferTeamOwnership,
    );
  }

  leave(teamId: string): Observable<Result<boolean>> {
    return this.mutate(LeaveTeamDocument, { teamId }, (d) => d.leaveTeam);
  }

  delete(teamId: string): Observable<Result<boolean>> {
    return this.mutate(DeleteTeamDocument, { teamId }, (d) => d.deleteTeam);
  }

  private mutate<D, V extends OperationVariables, T>(
    mutation: TypedDocumentNode<D, V>,
    variables: V,
    pick: (data: D) => T | null | undefined,
  ): Observable<Result<T>> {
    return toResult(this.apollo.mutate<D, V>({ mutation, variables }), pick);
  }
}
