import { DateInput, Labeled, NumberInput, ReferenceField, TextInput, minValue, required } from 'react-admin';
import { EnumInput, ResourceForm, UnitInput } from '../common';

export const endsAfterStart = (endsOn: string, values: { startsOn?: string }) =>
  endsOn && values.startsOn && endsOn < values.startsOn ? 'resources.trainingCampaigns.endsBeforeStart' : undefined;

/** Shared by create and edit: the owner unit is chosen once (the API cannot move a campaign). */
export function TrainingCampaignForm({ creating = false }: { creating?: boolean }) {
  return (
    <ResourceForm>
      {creating ? (
        <UnitInput source="unitId" validate={required()} helperText="resources.trainingCampaigns.help.unitId" />
      ) : (
        <Labeled source="unitId">
          <ReferenceField source="unitId" reference="orgUnits" link="show" />
        </Labeled>
      )}
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="description" multiline minRows={2} fullWidth />
      <DateInput source="startsOn" validate={required()} />
      <DateInput source="endsOn" validate={[required(), endsAfterStart]} />
      <NumberInput source="targetCamps" validate={[required(), minValue(0)]} min={0} step={1} />
      <NumberInput source="targetTrainees" validate={[required(), minValue(0)]} min={0} step={1} />
      <EnumInput source="status" enumName="CampaignStatus" helperText={creating ? 'resources.trainingCampaigns.help.status' : undefined} />
    </ResourceForm>
  );
}
