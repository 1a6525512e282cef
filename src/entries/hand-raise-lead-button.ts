/** `import 'growth-kit/hand-raise-lead-button'` registers <hand-raise-lead-button>. */
import { HandRaiseLeadButton } from '../components/hand-raise-lead-button/hand-raise-lead-button.js';
import { define } from '../internal/define.js';

define('hand-raise-lead-button', HandRaiseLeadButton);
export { HandRaiseLeadButton };
