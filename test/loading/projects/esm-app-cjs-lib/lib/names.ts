export const DEFAULT_NAME = 'display_name';
export const NAME_LENGTH = 80;
