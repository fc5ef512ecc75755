import { BooleanField, TextField, UrlField } from 'react-admin';
import { RecordLayout } from '../audit';
import { EnumField, LocaleNumberField, ResourceShow } from '../common';
import { OwnerField } from './SocialAccountList';

export function SocialAccountShow() {
  return (
    <ResourceShow>
      <RecordLayout>
        <EnumField source="platform" enumName="SocialPlatform" />
        <TextField source="handle" />
        <UrlField source="url" target="_blank" rel="noopener" />
        <LocaleNumberField source="followers" />
        <BooleanField source="verified" />
        <OwnerField source="owner" />
      </RecordLayout>
    </ResourceShow>
  );
}
