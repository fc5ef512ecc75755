import englishMessages from 'ra-language-english';

// Placeholder until translated.
export const raVietnamese = englishMessages;
