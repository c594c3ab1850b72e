/** A role's implementation of its Api (ipc.ts): the same methods, each free to be async. */
export type Handlers<A> = {
  [K in keyof A]: A[K] extends (p: infer P) => infer R ? (p: P) => R | Promise<R> : never;
};
