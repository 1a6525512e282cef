/** The performance issue's byte budgets, in bytes of brotli 11. */
export const BUDGETS = { initialBrotli: 16 * 1024, lazyOursBrotli: 35 * 1024 };
