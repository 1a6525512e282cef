/** `import 'growth-kit/consent-gate'` registers <consent-gate>. */
import { ConsentGate } from '../components/consent-gate/consent-gate.js';
import { define } from '../internal/define.js';

define('consent-gate', ConsentGate);
export { ConsentGate };
