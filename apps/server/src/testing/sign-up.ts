/**
 * Signs a user up and answers their token. A 503 (the server shedding load) applied nothing, so it
 * is safe to ask again; anything else but a 201 fails the test with the server's answer.
 */
export const signUpAt = async (baseUrl: string, username: string): Promise<string> => {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(`${baseUrl}/api/users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { username, email: `${username}@example.com`, password: 'password123' } }),
    });
    if (response.status === 201) return ((await response.json()).user as { token: string }).token;
    if (response.status !== 503 || attempt >= 100) throw new Error(`sign-up of ${username}: ${response.status} ${await response.text()}`);
  }
};

/** Runs `each` over `items`, `size` at a time. */
export const inBatches = async <T, R>(items: readonly T[], size: number, each: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = [];
  for (let from = 0; from < items.length; from += size) results.push(...(await Promise.all(items.slice(from, from + size).map(each))));
  return results;
};
