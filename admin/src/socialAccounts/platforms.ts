/** Platform names are brand names, the same in every language (OTHER aside). */
const NAMES: Record<string, string> = {
  FACEBOOK: 'Facebook',
  X: 'X',
  INSTAGRAM: 'Instagram',
  YOUTUBE: 'YouTube',
  WHATSAPP: 'WhatsApp',
  TELEGRAM: 'Telegram',
  SHARECHAT: 'ShareChat',
};

export const platformName = (platform: string) => NAMES[platform] ?? platform;
