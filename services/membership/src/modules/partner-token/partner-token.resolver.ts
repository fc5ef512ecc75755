import { PageInput } from '@sangathan/common';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { MembershipContext } from '../../context';
import { OrgUnit } from '../org-unit/org-unit.entity';
import { PartnerToken } from './partner-token.entity';
import { PartnerTokenFilter, PartnerTokenInput, PartnerTokenPage, PartnerTokenSort, PartnerTokenUpdateInput } from './partner-token.types';

/** Like the CRUD conventions, but a token is revoked rather than deleted, and never restored. */
@Resolver(() => PartnerToken)
export class PartnerTokenResolver {
  @Query(() => PartnerToken, { nullable: true })
  partnerToken(@Arg('id', () => ID) id: string, @Ctx() context: MembershipContext) {
    return context.services.partnerTokens.get(id);
  }

  @Query(() => PartnerTokenPage)
  partnerTokens(
    @Ctx() context: MembershipContext,
    @Arg('filter', () => PartnerTokenFilter, { nullable: true }) filter?: PartnerTokenFilter,
    @Arg('sort', () => [PartnerTokenSort], { nullable: true }) sort?: PartnerTokenSort[],
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return context.services.partnerTokens.list(filter ?? {}, sort ?? [], page);
  }

  @Mutation(() => PartnerToken, { description: 'The answer carries the secret, once' })
  createPartnerToken(@Arg('input', () => PartnerTokenInput) input: PartnerTokenInput, @Ctx() context: MembershipContext) {
    return context.services.partnerTokens.create(input);
  }

  @Mutation(() => PartnerToken)
  updatePartnerToken(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => PartnerTokenUpdateInput) input: PartnerTokenUpdateInput,
    @Ctx() context: MembershipContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return context.services.partnerTokens.updateRecord(id, input, expectedVersion);
  }

  @Mutation(() => PartnerToken, { description: 'The token stops working; cannot be undone' })
  revokePartnerToken(@Arg('id', () => ID) id: string, @Ctx() context: MembershipContext) {
    return context.services.partnerTokens.revoke(id);
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  scopeUnit(@Root() token: PartnerToken, @Ctx() context: MembershipContext) {
    return context.services.orgUnits.get(token.scopeUnitId);
  }
}
