import { z } from 'zod';
console.log(z.object({ email: z.email(), name: z.string().max(10) }).safeParse({}));
