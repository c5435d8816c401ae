/**
 * The session's storage, or an in-memory stand-in when the browser denies storage to the tab (a third-party
 * frame with storage blocked): the tab must still boot; the user just signs in again on the next visit.
 */
export function sessionStore(): Storage {
  try {
    const s = window.sessionStorage;
    s.getItem('probe');
    return s;
  } catch {
    return memoryStorage();
  }
}

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}
