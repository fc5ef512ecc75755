import englishMessages from 'ra-language-english';

// Placeholder until translated.
export const raHindi = englishMessages;
