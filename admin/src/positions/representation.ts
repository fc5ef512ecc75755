import { translate } from '../i18n/translate';

export interface PositionRecord {
  title: string;
  label?: string | null;
  member?: { fullName: string };
}

/** "President (District president)": the title in the reader's language, then the free label. */
export const positionTitle = (position: PositionRecord) => {
  const title = translate(`enums.PositionTitle.${position.title}`, { _: position.title });
  return position.label ? `${title} (${position.label})` : title;
};

/** "President (District president) · राम प्रकाश सोनकर" (the holder comes from the positions' data.extraFields). */
export const positionRepresentation = (position: PositionRecord) =>
  position.member ? `${positionTitle(position)} · ${position.member.fullName}` : positionTitle(position);
