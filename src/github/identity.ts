// Who the token acts as: the author the sticky comment must have. GITHUB_TOKEN (and any GitHub App
// installation token, `ghs_…`) acts as the app's bot; `GET /user` answers 403 for such tokens, so it
// is asked only for other tokens (a personal or OAuth token acts as its user).
import { httpStatus, type Client } from './client.js';
import type { Author } from './api/find-comment.js';

/** The identity of GITHUB_TOKEN: the "GitHub Actions" app's bot user. */
export const ACTIONS_BOT: Author = { login: 'github-actions[bot]', type: 'Bot' };

export async function tokenIdentity(client: Client, token: string): Promise<Author> {
  if (token.startsWith('ghs_')) return ACTIONS_BOT;
  try {
    const res = await client.rest.users.getAuthenticated();
    const { login, type } = res.data as { login?: unknown; type?: unknown };
    if (typeof login === 'string' && login !== '') return { login, type: typeof type === 'string' ? type : 'User' };
    throw new Error('GET /user answered without a login');
  } catch (e) {
    const status = httpStatus(e);
    // An installation token in another format: it is not a user.
    if (status === 401 || status === 403) return ACTIONS_BOT;
    throw e;
  }
}
