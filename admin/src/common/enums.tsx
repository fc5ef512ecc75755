import { createContext, useContext } from 'react';
import type { IntrospectionEnumType } from 'graphql';
import type { IntrospectionResult } from 'ra-data-graphql';
import {
  ChipField,
  FunctionField,
  SelectArrayInput,
  SelectInput,
  useTranslate,
  type SelectArrayInputProps,
  type SelectInputProps,
} from 'react-admin';

/** The schema's introspection, so enum choices come from the API rather than being copied by hand. */
export const IntrospectionContext = createContext<IntrospectionResult | null>(null);

export function useEnumValues(enumName: string): string[] {
  const introspection = useContext(IntrospectionContext);
  const type = introspection?.types.find((candidate) => candidate.name === enumName) as IntrospectionEnumType | undefined;
  return type?.enumValues.map((value) => value.name) ?? [];
}

/** Choices whose labels are the translation keys `enums.<Enum>.<VALUE>` (react-admin translates them). */
export function useEnumChoices(enumName: string) {
  return useEnumValues(enumName).map((value) => ({ id: value, name: `enums.${enumName}.${value}` }));
}

export function EnumInput({ enumName, ...props }: Omit<SelectInputProps, 'choices'> & { enumName: string }) {
  return <SelectInput {...props} choices={useEnumChoices(enumName)} />;
}

export function EnumArrayInput({ enumName, ...props }: Omit<SelectArrayInputProps, 'choices'> & { enumName: string }) {
  return <SelectArrayInput {...props} choices={useEnumChoices(enumName)} />;
}

/** Shows an enum value (or a list of them) translated. */
export function EnumField({ source, enumName, label, sortable }: { source: string; enumName: string; label?: string; sortable?: boolean }) {
  const translate = useTranslate();
  return (
    <FunctionField
      source={source}
      label={label}
      sortable={sortable}
      render={(record: Record<string, unknown>) => {
        const value = record?.[source];
        const values = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
        return values.map((item) => translate(`enums.${enumName}.${item}`, { _: String(item) })).join(', ');
      }}
    />
  );
}

export { ChipField };
