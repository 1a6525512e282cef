// A Vue 3 app using the kit as npm users do; Vue is told the kit's tags are custom elements.
import { createApp } from 'vue/dist/vue.esm-bundler.js';
import { configure } from 'growth-kit';
import 'growth-kit/hand-raise-lead-button';
import 'growth-kit/consent-gate';

configure({ endpoint: '/api' });
window.__events = [];

const app = createApp({
  // small="false" is what Vue writes for a false boolean attribute; @gk-… listens to the kit's events.
  template: `
    <main>
      <h1>Vue 3</h1>
      <hand-raise-lead-button glm-content="vue-app" small="false" :ctaTracking="{ action: 'click_button', label: 'vue' }"
        @gk-lead-form-open="record" @gk-lead-submitted="record"></hand-raise-lead-button>
      <consent-gate category="marketing">
        <template><p id="gated">Gated in Vue</p></template>
      </consent-gate>
      <consent-gate></consent-gate>
    </main>`,
  methods: {
    record(event) {
      window.__events.push({ type: event.type, detail: event.detail });
    },
  },
});
app.config.compilerOptions.isCustomElement = (tag) => tag.includes('-');
app.mount('#app');
