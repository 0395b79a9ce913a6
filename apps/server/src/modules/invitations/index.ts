/** The invitations module's public entry: what the app and other modules may use. */
export { accountInvitationRoutes, invitationRoutes } from './routes';
export { inviteToAccount, type NewInvitation } from './commands';
export { invitationUrl, presentInvitation } from './presenter';
export { invitationMail } from './mail';
