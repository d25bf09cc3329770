/** Only a publication's admins (and operators on the command line) change its flags. */
export type FlagChangeForbidden = { readonly type: 'FlagChangeForbidden' };
