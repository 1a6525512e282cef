// A local stand-in for Vidyard's embed script (https://play.vidyard.com/embed/v4.js), speaking its documented API:
// it replaces each <img class="vidyard-player-embed" data-uuid> with a player, exposes window.vidyardEmbed.api
// (addReadyListener(callback, uuid), getPlayersByUUID(uuid), renderDOMPlayers(container)) and calls window.onVidyardAPI(vidyardEmbed). Players
// emit play, pause, timeupdate (seconds), seek and playerComplete through on()/off(), with currentTime(), play(),
// pause(), seek(seconds) and metadata.length_in_seconds. A local webm plays in place of Vidyard's video.
(() => {
  const players = [];
  const listeners = [];
  function makePlayer(img) {
    const uuid = img.getAttribute('data-uuid');
    const container = document.createElement('div');
    container.className = 'vidyard-player-container';
    const video = document.createElement('video');
    video.src = '/demo/media/lesson.webm';
    video.muted = true;
    video.playsInline = true;
    video.preload = 'auto';
    video.style.width = '100%';
    container.append(video);
    img.replaceWith(container);
    const handlers = {};
    const fire = (event, value) => (handlers[event] || []).slice().forEach((h) => h(value));
    const player = {
      uuid,
      element: container,
      metadata: { length_in_seconds: 0 },
      // For the tests: which events the page listens to (a test waits for them before pressing play).
      on(event, handler) { (handlers[event] = handlers[event] || []).push(handler); video.dataset.subscribed = Object.keys(handlers).join(' '); },
      off(event, handler) { handlers[event] = (handlers[event] || []).filter((h) => h !== handler); },
      currentTime: () => video.currentTime,
      play: () => video.play(),
      pause: () => video.pause(),
      seek: (seconds) => { video.currentTime = seconds; },
      ready: false,
    };
    video.addEventListener('play', () => fire('play', video.currentTime));
    video.addEventListener('pause', () => !video.ended && fire('pause', video.currentTime));
    video.addEventListener('timeupdate', () => !video.seeking && fire('timeupdate', video.currentTime));
    video.addEventListener('seeked', () => fire('seek', [video.currentTime, video.currentTime]));
    video.addEventListener('ended', () => fire('playerComplete'));
    video.addEventListener('loadedmetadata', () => {
      player.metadata.length_in_seconds = Math.round(video.duration);
      player.ready = true;
      listeners.filter((l) => !l.uuid || l.uuid === uuid).forEach((l) => l.callback(undefined, player));
    });
    players.push(player);
  }
  const vidyardEmbed = {
    api: {
      addReadyListener(callback, uuid) {
        listeners.push({ callback, uuid });
        players.filter((p) => p.ready && (!uuid || p.uuid === uuid)).forEach((p) => callback(undefined, p));
      },
      getPlayersByUUID: (uuid) => players.filter((p) => p.uuid === uuid),
      // Renders embeds added after the script loaded.
      renderDOMPlayers: (container = document) => container.querySelectorAll('img.vidyard-player-embed').forEach(makePlayer),
    },
  };
  vidyardEmbed.api.renderDOMPlayers();
  window.VidyardV4 = vidyardEmbed;
  window.vidyardEmbed = vidyardEmbed;
  if (typeof window.onVidyardAPI === 'function') window.onVidyardAPI(vidyardEmbed);
})();
