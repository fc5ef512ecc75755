/**
 * What differs from the generic mapping, per resource (react-admin resource name = list query name).
 * - extraFields: nested selections the views need beyond the plain scalar fields.
 * - toInput: turns a form's record into the mutation input when they differ in shape.
 */
export interface ResourceOverride {
  extraFields?: string;
  toInput?: (data: Record<string, any>) => Record<string, any>;
}

export const resourceOverrides: Record<string, ResourceOverride> = {};
