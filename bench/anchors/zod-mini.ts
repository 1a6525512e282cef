import * as z from 'zod/mini';
console.log(z.safeParse(z.object({ email: z.email(), name: z.string().check(z.maxLength(10)) }), {}));
