// A local stand-in for the YouTube IFrame API (https://www.youtube.com/iframe_api), speaking its documented JS
// surface: window.YT.Player(elementOrId, { events: { onReady, onStateChange } }), YT.PlayerState, getCurrentTime(),
// getDuration(), getPlayerState(), playVideo(), pauseVideo(), seekTo(), and window.onYouTubeIframeAPIReady().
// The embed it drives is a same-origin page (embed.html) playing a local webm in place of YouTube's player.
(() => {
  const PlayerState = { UNSTARTED: -1, ENDED: 0, PLAYING: 1, PAUSED: 2, BUFFERING: 3, CUED: 5 };
  class Player {
    constructor(target, options = {}) {
      this.iframe = typeof target === 'string' ? document.getElementById(target) : target;
      this.events = options.events || {};
      this.state = PlayerState.UNSTARTED;
      const attach = () => {
        const video = this.iframe.contentDocument && this.iframe.contentDocument.querySelector('video');
        if (!video) return void setTimeout(attach, 20);
        this.video = video;
        const change = (state) => {
          this.state = state;
          if (this.events.onStateChange) this.events.onStateChange({ target: this, data: state });
        };
        video.addEventListener('playing', () => change(PlayerState.PLAYING));
        video.addEventListener('pause', () => !video.ended && change(PlayerState.PAUSED));
        video.addEventListener('waiting', () => change(PlayerState.BUFFERING));
        video.addEventListener('ended', () => change(PlayerState.ENDED));
        if (this.events.onReady) this.events.onReady({ target: this });
        // For the tests: the page has a player with its listeners (a test waits for this before pressing play).
        if (this.events.onStateChange) video.dataset.subscribed = 'statechange';
      };
      if (this.iframe.contentDocument && this.iframe.contentDocument.readyState === 'complete') attach();
      else this.iframe.addEventListener('load', attach, { once: true });
    }
    getCurrentTime() { return this.video ? this.video.currentTime : 0; }
    getDuration() { return this.video && Number.isFinite(this.video.duration) ? this.video.duration : 0; }
    getPlayerState() { return this.state; }
    playVideo() { return this.video && this.video.play(); }
    pauseVideo() { if (this.video) this.video.pause(); }
    seekTo(seconds) { if (this.video) this.video.currentTime = seconds; }
  }
  window.YT = { Player, PlayerState, loaded: 1 };
  setTimeout(() => window.onYouTubeIframeAPIReady && window.onYouTubeIframeAPIReady(), 0);
})();
