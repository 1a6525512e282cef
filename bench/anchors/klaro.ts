// @ts-expect-error klaro ships no types
import * as Klaro from 'klaro';
Klaro.setup({ services: [{ name: 'analytics', purposes: ['analytics'] }] });
