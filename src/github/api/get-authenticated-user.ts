import { httpStatus, type Client } from '../client.js';

/**
 * The login the token acts as (`GET /user`), or undefined when the token is not a user's: an
 * installation token such as GITHUB_TOKEN is answered 403 there.
 */
export async function getAuthenticatedLogin(client: Client): Promise<string | undefined> {
  try {
    const res = await client.rest.users.getAuthenticated();
    return typeof res.data.login === 'string' ? res.data.login : undefined;
  } catch (e) {
    const status = httpStatus(e);
    if (status === 401 || status === 403 || status === 404) return undefined;
    throw e;
  }
}
