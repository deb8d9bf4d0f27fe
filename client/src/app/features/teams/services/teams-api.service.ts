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
  ACCEPT_INVITATION_MUTATION,
  CHANGE_TEAM_ROLE_MUTATION,
  CREATE_TEAM_MUTATION,
  DELETE_TEAM_MUTATION,
  INVITATION_QUERY,
  INVITE_TO_TEAM_MUTATION,
  LEAVE_TEAM_MUTATION,
  REMOVE_TEAM_MEMBER_MUTATION,
  REVOKE_INVITATION_MUTATION,
  TEAMS_QUERY,
  TEAM_QUERY,
  TRANSFER_TEAM_OWNERSHIP_MUTATION,
} from './team.documents';

/**
 * The teams feature's view of the GraphQL API. Every call ends in a `Result`; a `false` from a
 * boolean mutation counts as success (the server throws when it refuses).
 */
@Injectable({ providedIn: 'root' })
export class TeamsApi {
  private readonly apollo = inject(Apollo);

  list(): Observable<Result<TeamSummary[]>> {
    return toResult(
      this.apollo.query({ query: TEAMS_QUERY, fetchPolicy: 'network-only' }),
      (d) => d.teams,
    );
  }

  /** The team, or NOT_FOUND when the caller is not in it. */
  get(id: string): Observable<Result<TeamDetail>> {
    return toResult(
      this.apollo.query({ query: TEAM_QUERY, variables: { id }, fetchPolicy: 'network-only' }),
      (d) => d.team,
    );
  }

  /** What an invitation link offers; asked without caching, as anyone may hold the link. */
  invitation(token: string): Observable<Result<InvitationPreview>> {
    return toResult(
      this.apollo.query({ query: INVITATION_QUERY, variables: { token }, fetchPolicy: 'no-cache' }),
      (d) => d.invitation,
    );
  }

  create(name: string): Observable<Result<TeamSummary>> {
    return this.mutate(CREATE_TEAM_MUTATION, { name }, (d) => d.createTeam);
  }

  invite(teamId: string, role: string): Observable<Result<CreatedInvitation>> {
    // no-cache: the link is shown once and must not linger in the store.
    return toResult(
      this.apollo.mutate({
        mutation: INVITE_TO_TEAM_MUTATION,
        variables: { teamId, role },
        fetchPolicy: 'no-cache',
      }),
      (d) => d.inviteToTeam,
    );
  }

  accept(token: string): Observable<Result<TeamSummary>> {
    return this.mutate(ACCEPT_INVITATION_MUTATION, { token }, (d) => d.acceptInvitation);
  }

  revokeInvitation(id: string): Observable<Result<boolean>> {
    return this.mutate(REVOKE_INVITATION_MUTATION, { id }, (d) => d.revokeInvitation);
  }

  removeMember(teamId: string, userId: string): Observable<Result<boolean>> {
    return this.mutate(REMOVE_TEAM_MEMBER_MUTATION, { teamId, userId }, (d) => d.removeTeamMember);
  }

  changeRole(teamId: string, userId: string, role: string): Observable<Result<TeamMember>> {
    return this.mutate(
      CHANGE_TEAM_ROLE_MUTATION,
      { teamId, userId, role },
      (d) => d.changeTeamRole,
    );
  }

  transferOwnership(teamId: string, userId: string): Observable<Result<TeamDetail>> {
    return this.mutate(
      TRANSFER_TEAM_OWNERSHIP_MUTATION,
      { teamId, userId },
      (d) => d.transferTeamOwnership,
    );
  }

  leave(teamId: string): Observable<Result<boolean>> {
    return this.mutate(LEAVE_TEAM_MUTATION, { teamId }, (d) => d.leaveTeam);
  }

  delete(teamId: string): Observable<Result<boolean>> {
    return this.mutate(DELETE_TEAM_MUTATION, { teamId }, (d) => d.deleteTeam);
  }

  private mutate<D, V extends OperationVariables, T>(
    mutation: TypedDocumentNode<D, V>,
    variables: V,
    pick: (data: D) => T | null | undefined,
  ): Observable<Result<T>> {
    return toResult(this.apollo.mutate<D, V>({ mutation, variables }), pick);
  }
}
