import { expect } from '@open-wc/testing';
import { configure, configureFromScript, getConfig, resolveEndpoint } from '../../../src/runtime/config/index.js';
import { captureWarnings, cleanSlate } from '../../helpers.js';

describe('runtime/config', () => {
  beforeEach(cleanSlate);

  it('reads data-* attributes from the script tag', () => {
    const script = document.createElement('script');
    script.setAttribute('data-endpoint', 'https://api.example.com/gk');
    script.setAttribute('data-locale', 'de');
    script.setAttribute('data-segment-write-key', 'wk_123');
    configureFromScript(script);
    expect(getConfig()).to.deep.equal({ endpoint: 'https://api.example.com/gk', locale: 'de', segmentWriteKey: 'wk_123' });
  });

  it('refuses a javascript: endpoint with one warning naming the attribute, and keeps the previous value', () => {
    configure({ endpoint: 'https://good.example/api' });
    const warnings = captureWarnings();
    const script = document.createElement('script');
    script.setAttribute('data-endpoint', 'javascript:alert(1)');
    configureFromScript(script);
    configureFromScript(script);
    warnings.restore();
    expect(getConfig().endpoint).to.equal('https://good.example/api');
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.contain('<script> data-endpoint').and.contain('http(s) URL');
  });

  it('keeps valid keys when one key of configure() is bad, and ignores unknown keys', () => {
    const warnings = captureWarnings();
    configure({ endpoint: '/api', locale: 'not a locale!', colour: 'red', onLeadSubmitted: 'nope' } as never);
    warnings.restore();
    expect(getConfig().endpoint).to.equal('/api');
    expect(getConfig().locale).to.equal(undefined);
    expect(warnings.messages).to.have.length(3);
    expect(warnings.messages.join('\n')).to.contain('locale').and.contain('colour: unknown setting').and.contain('onLeadSubmitted: expected a function');
  });

  it('never throws on a non-object', () => {
    const warnings = captureWarnings();
    expect(() => configure(null as never)).not.to.throw();
    expect(() => configure('endpoint=/x' as never)).not.to.throw();
    warnings.restore();
    expect(warnings.messages).to.have.length(1);
  });

  it('resolves a widget endpoint: own attribute, else page-wide base plus the widget path', () => {
    expect(resolveEndpoint('hand-raise-lead-button', '', '/hand-raise-leads')).to.equal(null);
    configure({ endpoint: 'https://api.example.com/gk/' });
    expect(resolveEndpoint('hand-raise-lead-button', '', '/hand-raise-leads')).to.equal('https://api.example.com/gk/hand-raise-leads');
    expect(resolveEndpoint('hand-raise-lead-button', 'https://crm.example/leads', '/hand-raise-leads')).to.equal('https://crm.example/leads');
    const warnings = captureWarnings();
    expect(resolveEndpoint('hand-raise-lead-button', 'data:text/html,x', '/hand-raise-leads')).to.equal('https://api.example.com/gk/hand-raise-leads');
    warnings.restore();
    expect(warnings.messages).to.deep.equal([
      '[growth-kit] <hand-raise-lead-button> endpoint: "data:text/html,x" is not an http(s) URL; using the page-wide endpoint',
    ]);
  });
});
