import { expect } from '@open-wc/testing';
import { define, VERSION } from '../../src/internal/define.js';
import { captureWarnings } from '../helpers.js';

describe('internal/define', () => {
  it('is silent when the same version is defined twice, and warns once for another version', () => {
    class A extends HTMLElement {
      static gkVersion = VERSION;
    }
    class B extends HTMLElement {
      static gkVersion = VERSION;
    }
    class Other extends HTMLElement {
      static gkVersion = '0.0.1-other';
    }
    const warnings = captureWarnings();
    define('gk-test-define-a', A);
    define('gk-test-define-a', B);
    define('gk-test-define-a', A);
    expect(warnings.messages).to.deep.equal([]);
    define('gk-test-define-a', Other);
    define('gk-test-define-a', Other);
    warnings.restore();
    expect(customElements.get('gk-test-define-a')).to.equal(A);
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.contain('<gk-test-define-a> is already defined by Growth Kit');
  });

  it('never throws, even for a name the platform refuses', () => {
    const warnings = captureWarnings();
    expect(() => define('NotAValidName', class extends HTMLElement {})).not.to.throw();
    warnings.restore();
    expect(warnings.messages).to.have.length(1);
  });
});
