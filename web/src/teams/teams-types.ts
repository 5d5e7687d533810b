/** What the teams page reads: the server's own types, imported as types only (erased from the bundle). */
export type { Team } from '../../../src/teams/team-model.js';
export type { User } from '../../../src/users/user-model.js';
export type { Service } from '../../../src/services/service-model.js';
