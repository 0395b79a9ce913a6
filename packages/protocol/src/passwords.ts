/** The shortest password anyone may choose (the server also refuses easily guessed ones). */
export const MIN_PASSWORD_LENGTH = 10;
