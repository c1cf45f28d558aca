/** Shared with the client so the form can hint before sending. */
export const MIN_PASSWORD_LENGTH_SHARED = 10;
