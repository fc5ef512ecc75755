import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, type ClassType } from 'type-graphql';
import { PageInput, type Page } from './pagination';

/** What a record service offers the generic resolver. */
export interface CrudService<T, TInput, TUpdate, TFilter, TSort> {
  get(id: string): Promise<T | null>;
  list(filter: TFilter, sort: TSort[], page?: PageInput): Promise<Page<T>>;
  create(input: TInput): Promise<T>;
  updateRecord(id: string, input: TUpdate, expectedVersion?: number): Promise<T>;
  softDelete(ids: string[]): Promise<T[]>;
  restore(id: string): Promise<T>;
}

export interface CrudResolverOptions<
  T extends object,
  TInput extends object,
  TUpdate extends object,
  TFilter extends object,
  TSort extends object,
> {
  /** Singular field name, e.g. "member"; the mutations are derived from it. */
  name: string;
  /** The list field, e.g. "members": also the key of the record's service in the request context. */
  plural: string;
  entity: ClassType<T>;
  input: ClassType<TInput>;
  updateInput: ClassType<TUpdate>;
  filter: ClassType<TFilter>;
  sort: ClassType<TSort>;
  page: ClassType<Page<T>>;
}

/** The request context every service's resolvers see: services by the API's plural. */
export interface ServicesContext {
  services: object;
}

/**
 * The API conventions for one record type: `x(id)`, `xs(filter, sort, page)`, `createX(input)`,
 * `updateX(id, input, expectedVersion)`, `deleteX(id)` (soft), `deleteXs(ids)` and `restoreX(id)`.
 * A module's resolver extends the returned class and adds its own fields and operations.
 */
export function CrudResolver<T extends object, TInput extends object, TUpdate extends object, TFilter extends object, TSort extends object>(
  options: CrudResolverOptions<T, TInput, TUpdate, TFilter, TSort>,
) {
  type Service = CrudService<T, TInput, TUpdate, TFilter, TSort>;
  type TContext = ServicesContext;
  const service = (context: TContext) => (context.services as Record<string, Service>)[options.plural];
  const type = options.name[0].toUpperCase() + options.name.slice(1);
  const plural = options.plural[0].toUpperCase() + options.plural.slice(1);

  @Resolver(() => options.entity)
  abstract class CrudResolverClass {
    @Query(() => options.entity, { name: options.name, nullable: true, description: `One ${type} by id; null when unknown or deleted` })
    getOne(@Arg('id', () => ID) id: string, @Ctx() context: TContext) {
      return service(context).get(id);
    }

    @Query(() => options.page, { name: options.plural })
    getList(
      @Ctx() context: TContext,
      @Arg('filter', () => options.filter, { nullable: true }) filter?: TFilter,
      @Arg('sort', () => [options.sort], { nullable: true }) sort?: TSort[],
      @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
    ) {
      return service(context).list(filter ?? ({} as TFilter), sort ?? [], page);
    }

    @Mutation(() => options.entity, { name: `create${type}` })
    createOne(@Arg('input', () => options.input) input: TInput, @Ctx() context: TContext) {
      return service(context).create(input);
    }

    @Mutation(() => options.entity, { name: `update${type}`, description: 'A stale expectedVersion is a CONFLICT and changes nothing' })
    updateOne(
      @Arg('id', () => ID) id: string,
      @Arg('input', () => options.updateInput) input: TUpdate,
      @Ctx() context: TContext,
      @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
    ) {
      return service(context).updateRecord(id, input, expectedVersion);
    }

    @Mutation(() => options.entity, { name: `delete${type}`, description: `Soft delete; restore${type} undoes it` })
    async deleteOne(@Arg('id', () => ID) id: string, @Ctx() context: TContext) {
      const [deleted] = await service(context).softDelete([id]);
      return deleted;
    }

    @Mutation(() => [options.entity], { name: `delete${plural}`, description: 'Soft-deletes all or none' })
    deleteMany(@Arg('ids', () => [ID]) ids: string[], @Ctx() context: TContext) {
      return service(context).softDelete(ids);
    }

    @Mutation(() => options.entity, { name: `restore${type}` })
    restoreOne(@Arg('id', () => ID) id: string, @Ctx() context: TContext) {
      return service(context).restore(id);
    }
  }
  return CrudResolverClass;
}
