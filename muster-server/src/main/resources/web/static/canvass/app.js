/*
 * Muster canvassing app. Plain JavaScript, no build step, nothing fetched from other sites.
 *
 * Lists (with script and doors) are downloaded into IndexedDB while online. Every result is first written to the
 * IndexedDB outbox under an id made here, then sent; the server stores each id once, so sending again after a
 * lost response or a reload is harmless. Each result gets its own outcome back: saved, or a conflict (someone else
 * got there first, the list was taken back) that stays on screen until dismissed.
 */
'use strict';
(() => {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const userKey = document.body.dataset.user;
  const view = document.getElementById('view');
  const SYNC_EVERY_MS = 5000;
  const BATCH = 50;
  let db;
  let online = navigator.onLine;
  let loginNeeded = false;
  let running = Promise.resolve();
  let queued = null;
  const notices = [];

  class LoginNeeded extends Error {}
  class Forbidden extends Error {}

  // ---- IndexedDB: one database per user, so a shared phone never mixes two canvassers' lists or results.
  function openDb() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open('muster-canvass-' + userKey, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('lists', {keyPath: 'id'});
        request.result.createObjectStore('outbox', {keyPath: 'id'});
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  function tx(store, mode, work) {
    return new Promise((resolve, reject) => {
      const t = db.transaction(store, mode);
      let result;
      const request = work(t.objectStore(store));
      if (request) request.onsuccess = () => { result = request.result; };
      t.oncomplete = () => resolve(result);
      t.onerror = () => reject(t.error);
      t.onabort = () => reject(t.error);
    });
  }
  const getAll = store => tx(store, 'readonly', s => s.getAll());
  const get = (store, key) => tx(store, 'readonly', s => s.get(key));
  const put = (store, value) => tx(store, 'readwrite', s => s.put(value));
  const remove = (store, key) => tx(store, 'readwrite', s => s.delete(key));

  function newId() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
  }

  // ---- network
  async function api(method, path, body) {
    const headers = {'Accept': 'application/json', 'X-CSRF-Token': csrf};
    if (body) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {method, headers, credentials: 'same-origin', redirect: 'manual',
      body: body ? JSON.stringify(body) : undefined});
    if (response.type === 'opaqueredirect' || response.status === 401) throw new LoginNeeded('log in again');
    if (response.status === 403) throw new Forbidden('forbidden');
    if (!response.ok) throw new Error('The server answered ' + response.status);
    return response.json();
  }

  /**
   * Runs a sync after the one in progress, if any (at most one waits), so results recorded during a sync are sent
   * by the next one. The promise settles when that sync is over.
   */
  function sync() {
    if (!queued) {
      queued = running.then(() => {
        queued = null;
        running = syncOnce();
        return running;
      });
    }
    return queued;
  }

  /** Sends queued results, then refreshes the lists. Network failures leave everything queued. */
  async function syncOnce() {
    try {
      const pending = (await getAll('outbox')).filter(item => item.state === 'pending');
      for (let i = 0; i < pending.length; i += BATCH) {
        const batch = pending.slice(i, i + BATCH);
        const answer = await api('POST', '/canvass/api/results', {results: batch.map(item => item.submission)});
        for (const r of answer.results) {
          const item = batch.find(b => b.id === r.id);
          if (!item) continue;
          item.state = r.outcome === 'APPLIED' ? 'sent' : 'conflict';
          item.outcome = r.outcome;
          item.message = r.message;
          await put('outbox', item);
        }
      }
      await refresh();
      online = true;
      loginNeeded = false;
    } catch (e) {
      if (e instanceof LoginNeeded) loginNeeded = true;
      else online = false;
    } finally {
      await refreshScreen();
    }
  }

  /** Downloads the assigned lists; lists no longer assigned are removed from the phone. */
  async function refresh() {
    const data = await api('GET', '/canvass/api/lists');
    const assigned = new Map(data.lists.map(l => [l.id, l]));
    for (const old of await getAll('lists')) {
      if (!assigned.has(old.id)) {
        await remove('lists', old.id);
        notices.push('"' + old.name + '" is no longer assigned to you.');
      }
    }
    // Sent results only label doors; once their list has left the phone they are of no use.
    for (const item of await getAll('outbox')) {
      if (item.state === 'sent' && !assigned.has(item.listId)) await remove('outbox', item.id);
    }
    for (const summary of assigned.values()) {
      try {
        const full = await api('GET', '/canvass/api/lists/' + summary.id);
        full.dueOn = summary.dueOn;
        await put('lists', full);
      } catch (e) {
        if (!(e instanceof Forbidden)) throw e;
        await remove('lists', summary.id);
      }
    }
  }

  async function record(list, personId, who, submission) {
    const item = {id: newId(), state: 'pending', listId: list.id, personId, who};
    item.submission = Object.assign({id: item.id, listId: list.id, personId, recordedAt: Date.now()}, submission);
    await put('outbox', item);
    return {sent: sync()};
  }

  // ---- rendering
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on')) el.addEventListener(k.substring(2), v);
      else el.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat(Infinity)) if (c !== null && c !== undefined) el.append(c.nodeType ? c : document.createTextNode(String(c)));
    return el;
  }

  function route() {
    return location.hash.replace(/^#\/?/, '').split('/');
  }

  async function renderStatus() {
    const items = await getAll('outbox');
    document.getElementById('pending-count').textContent = String(items.filter(i => i.state === 'pending').length);
    document.getElementById('network').textContent = loginNeeded ? 'Log in again to sync' : online ? 'Online' : 'Offline';
    document.getElementById('status').classList.toggle('online', online && !loginNeeded);
    return items;
  }

  /** After a sync: the status bar, and the view too unless a form is being filled in. */
  async function refreshScreen() {
    const [name] = route();
    if (name === 'door' || name === 'new' || name === 'call') await renderStatus();
    else await render();
  }

  async function render() {
    const items = await renderStatus();
    const [name, a, b] = route();
    if (name === 'list') return showList(Number(a), items);
    if (name === 'door') return showDoor(Number(a), Number(b));
    if (name === 'new') return showDoor(Number(a), null);
    if (name === 'call') return showCall(Number(a));
    return showHome(items);
  }

  function screen(...children) {
    view.replaceChildren(...children.flat(Infinity).filter(c => c !== null && c !== undefined));
  }

  async function showHome(items) {
    const lists = await getAll('lists');
    const conflicts = items.filter(i => i.state === 'conflict');
    const list = id => (lists.find(l => l.id === id) || {name: 'a list taken back'}).name;
    screen(
      h('h1', {}, 'Your lists'),
      loginNeeded ? h('p', {class: 'notice'}, 'Your session ended. ', h('a', {href: '/login?next=/canvass/app'}, 'Log in again'),
        ' — results on this phone are kept and will be sent.') : null,
      notices.map(n => h('p', {class: 'notice'}, n)),
      h('section', {id: 'conflicts'}, conflicts.map(c => h('p', {class: 'notice conflict'},
        c.who + ' (' + list(c.listId) + '): ' + c.message + ' ',
        h('button', {type: 'button', class: 'secondary', onclick: async () => { await remove('outbox', c.id); render(); }}, 'Dismiss')))),
      lists.length === 0 ? h('p', {class: 'hint', id: 'no-lists'}, online ? 'No list is assigned to you yet.' : 'No list on this phone yet: connect once to download your lists.')
        : h('ul', {class: 'lists'}, lists.map(l => h('li', {},
          h('a', {class: 'list-link', href: (l.kind === 'PHONE' ? '#call/' : '#list/') + l.id}, l.name,
            h('small', {}, (l.kind === 'PHONE' ? 'Call list' : l.doors.length + ' doors') + (l.dueOn ? ' · due ' + l.dueOn : '')))))));
  }

  function doorState(items, listId, personId) {
    const mine = items.filter(i => i.listId === listId && i.personId === personId);
    if (mine.some(i => i.state === 'conflict')) return 'conflict';
    if (mine.some(i => i.state === 'pending')) return 'waiting';
    if (mine.some(i => i.state === 'sent')) return 'synced';
    return null;
  }

  async function showList(listId, items) {
    const list = await get('lists', listId);
    if (!list) return screen(h('p', {class: 'notice'}, 'This list is not on this phone.'), h('a', {href: '#'}, 'Back to your lists'));
    const label = {waiting: 'recorded, waiting to sync', synced: 'recorded', conflict: 'not applied — see your lists'};
    const mapBox = h('div', {id: 'door-map', class: 'door-map', role: 'img', 'aria-label': 'Map of the doors on this list'});
    screen(
      h('p', {}, h('a', {href: '#'}, '← Your lists')),
      h('h1', {}, list.name),
      mapBox,
      h('p', {class: 'intro'}, list.script.intro),
      h('ol', {class: 'doors', id: 'doors'}, list.doors.map(d => {
        const state = doorState(items, list.id, d.personId);
        const cls = [state, d.open ? null : 'done'].filter(Boolean).join(' ');
        return h('li', {class: cls || null}, h('a', {class: 'door', href: '#door/' + list.id + '/' + d.personId, 'data-person': d.personId},
          d.address || '(no address)', h('small', {}, d.name + (state ? ' · ' + label[state] : d.open ? '' : ' · done'))));
      })),
      h('p', {}, h('a', {href: '#new/' + list.id, id: 'new-person'}, 'Someone at the door who is not on the list')),
      h('p', {}, h('a', {href: '/canvass/lists/' + list.id + '/sheet', target: '_blank', rel: 'noopener'}, 'Printable walk sheet'),
        ' or ', h('a', {href: '/canvass/lists/' + list.id + '/sheet.pdf', target: '_blank', rel: 'noopener'}, 'PDF with map'),
        ' (need a connection)'));
    drawDoorMap(mapBox, list, items);
  }

  /**
   * The list's doors on a map (Leaflet, kept by the service worker, so it works offline): a numbered marker per
   * address in walking order joined by the route, coloured by state; a tap opens the first person still to see
   * there. No map tiles: a plain background, nothing fetched.
   */
  let doorMap = null;
  function drawDoorMap(box, list, items) {
    if (doorMap) { doorMap.remove(); doorMap = null; }
    if (!window.L) { box.replaceChildren(h('p', {class: 'hint'}, 'The map could not be loaded on this phone.')); return; }
    const stops = [];
    for (const d of list.doors) {
      if (d.lat === null || d.lat === undefined) continue;
      const last = stops[stops.length - 1];
      if (last && last.address === d.address) last.people.push(d);
      else stops.push({address: d.address, at: [d.lat, d.lon], people: [d]});
    }
    if (stops.length === 0) { box.replaceChildren(h('p', {class: 'hint'}, 'No door on this list has a place on the map.')); return; }
    doorMap = L.map(box, {attributionControl: false, zoomSnap: 0.25});
    const layers = [L.polyline(stops.map(s => s.at), {color: '#667085', weight: 2, dashArray: '4 4', interactive: false})];
    stops.forEach((stop, i) => {
      const states = stop.people.map(d => doorState(items, list.id, d.personId) || (d.open ? 'open' : 'done'));
      const state = ['conflict', 'waiting', 'open', 'synced', 'done'].find(s => states.includes(s));
      const next = stop.people.find(d => d.open && !doorState(items, list.id, d.personId)) || stop.people[0];
      const tip = document.createElement('div');
      tip.textContent = (i + 1) + '. ' + stop.address + ' — ' + stop.people.map(d => d.name).join(', ');
      // The colour of each state is in app.css; the number is the door's place on the route.
      const icon = L.divIcon({className: 'door-marker door-' + state + (i === 0 ? ' first' : ''), html: String(i + 1), iconSize: [26, 26]});
      layers.push(L.marker(stop.at, {icon, title: stop.address})
        .bindTooltip(tip)
        .on('click', () => { location.hash = '#door/' + list.id + '/' + next.personId; }));
    });
    const group = L.featureGroup(layers).addTo(doorMap);
    doorMap.fitBounds(group.getBounds(), {padding: [24, 24], maxZoom: 18});
    box.dataset.doors = String(stops.length);
  }

  /** The result form for one door, or for a new person when personId is null. Questions follow the branching. */
  async function showDoor(listId, personId, door, afterSave, extraActions) {
    const list = await get('lists', listId);
    if (!list) return screen(h('p', {class: 'notice'}, 'This list is not on this phone.'));
    door = door || list.doors.find(d => d.personId === personId);
    const questions = list.script.questions.map((q, qi) => h('fieldset', {class: 'question', 'data-q': qi + 1},
      h('legend', {}, (qi + 1) + '. ' + q.prompt),
      q.answers.map((a, ai) => h('label', {}, h('input', {type: 'radio', name: 'q' + (qi + 1), value: ai + 1, onchange: branch}), ' ' + a.label))));
    const codes = h('fieldset', {id: 'codes'}, h('legend', {}, 'Result'),
      list.resultCodes.map(c => h('label', {}, h('input', {type: 'radio', name: 'code', value: c.code, 'data-contact': String(c.contact), onchange: branch}), ' ' + c.label)));
    const note = h('textarea', {id: 'note', rows: 2, maxlength: 2000, placeholder: 'Note (optional)'});
    const newPerson = personId === null ? h('fieldset', {id: 'new-person-fields'}, h('legend', {}, 'Who did you meet?'),
      ['firstName', 'lastName', 'phone', 'email'].map(f => h('label', {}, f.replace(/([A-Z])/g, ' $1').toLowerCase(),
        h('input', {type: f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text', name: f, maxlength: 200})))) : null;
    const error = h('p', {class: 'notice', id: 'form-error', hidden: true});

    function chosen(name) {
      const input = view.querySelector('input[name="' + name + '"]:checked');
      return input ? input : null;
    }
    function branch() {
      const code = chosen('code');
      const talking = code !== null && code.dataset.contact === 'true';
      let next = 1;
      list.script.questions.forEach((q, qi) => {
        const n = qi + 1;
        const box = view.querySelector('fieldset[data-q="' + n + '"]');
        const shown = talking && next === n;
        box.hidden = !shown;
        if (!shown) { box.querySelectorAll('input').forEach(i => { i.checked = false; }); }
        if (shown) {
          const answer = chosen('q' + n);
          const jump = answer ? q.answers[Number(answer.value) - 1].next : null;
          next = jump === null || jump === undefined ? n + 1 : jump === 0 ? Infinity : jump;
        }
      });
    }
    async function save() {
      const code = chosen('code');
      if (!code) { error.textContent = 'Choose a result.'; error.hidden = false; return; }
      const answers = {};
      list.script.questions.forEach((q, qi) => { const a = chosen('q' + (qi + 1)); if (a) answers[qi + 1] = Number(a.value); });
      const submission = {code: code.value, answers, note: note.value.trim() || null};
      if (personId === null) {
        const p = {};
        view.querySelectorAll('#new-person-fields input').forEach(i => { if (i.value.trim()) p[i.name] = i.value.trim(); });
        if (!p.firstName && !p.lastName) { error.textContent = 'Give at least a first or last name.'; error.hidden = false; return; }
        submission.newPerson = p;
      }
      const who = door ? door.name + (door.address ? ', ' + door.address : '')
        : [submission.newPerson.firstName, submission.newPerson.lastName].filter(Boolean).join(' ');
      const {sent} = await record(list, personId, who, submission);
      if (afterSave) {
        await sent;  // the phone bank asks for the next person only once this result has reached the server
        afterSave();
      } else {
        location.hash = '#list/' + list.id;
      }
    }
    screen(
      h('p', {}, h('a', {href: list.kind === 'PHONE' ? '#' : '#list/' + list.id}, '← ' + list.name)),
      h('h1', {id: 'door-name'}, door ? door.name : 'New person'),
      door ? h('p', {}, door.address || '', door.phone ? h('span', {}, ' · ', h('a', {href: 'tel:' + door.phone}, door.phone)) : null) : null,
      h('p', {class: 'intro'}, list.script.intro),
      newPerson, codes, questions, note, error,
      h('div', {class: 'actions'}, h('button', {type: 'button', id: 'save', onclick: save}, 'Save'), extraActions || null));
    branch();
  }

  /** Phone bank: the server leases the next person to this caller; calling needs the network anyway. */
  async function showCall(listId) {
    const list = await get('lists', listId);
    if (!list) return screen(h('p', {class: 'notice'}, 'This list is not on this phone.'));
    let answer;
    try {
      answer = await api('POST', '/canvass/api/lists/' + listId + '/next');
    } catch (e) {
      return screen(h('p', {class: 'notice'}, e instanceof Forbidden ? 'This list is no longer assigned to you.'
        : 'Calling needs a connection. Try again when online.'), h('a', {href: '#'}, 'Back to your lists'));
    }
    if (answer.done) return screen(h('h1', {}, list.name), h('p', {id: 'calls-done'}, 'Nobody left to call on this list. Thank you!'),
      h('a', {href: '#'}, 'Back to your lists'));
    const again = () => showCall(listId);
    const skip = h('button', {type: 'button', class: 'secondary', id: 'skip', onclick: async () => {
      try { await api('POST', '/canvass/api/lists/' + listId + '/skip', {personId: answer.door.personId}); } catch (e) { /* the lease runs out by itself */ }
      again();
    }}, 'Skip');
    return showDoor(listId, answer.door.personId, answer.door, again, skip);
  }

  /**
   * Logging out of a shared phone removes the lists and the app's cache from it, but never results not yet sent:
   * those must reach the server first.
   */
  async function logOut() {
    const pending = (await getAll('outbox')).filter(i => i.state === 'pending').length;
    if (pending > 0) {
      notices.push(pending + ' result(s) are not sent yet: connect and sync before logging out.');
      location.hash = '#';
      return render();
    }
    db.close();
    await new Promise(resolve => { const r = indexedDB.deleteDatabase('muster-canvass-' + userKey); r.onsuccess = r.onerror = r.onblocked = resolve; });
    if (window.caches) for (const key of await caches.keys()) await caches.delete(key);
    try {
      await fetch('/logout', {method: 'POST', headers: {'X-CSRF-Token': csrf}, credentials: 'same-origin', redirect: 'manual'});
    } finally {
      location.href = '/login';
    }
  }

  async function start() {
    db = await openDb();
    window.addEventListener('hashchange', render);
    window.addEventListener('online', sync);
    window.addEventListener('offline', () => { online = false; renderStatus(); });
    document.getElementById('sync-now').addEventListener('click', sync);
    document.getElementById('log-out').addEventListener('click', logOut);
    setInterval(async () => {
      if ((await getAll('outbox')).some(i => i.state === 'pending')) sync();
    }, SYNC_EVERY_MS);
    if ('serviceWorker' in navigator) navigator.serviceWorker.register('/canvass/sw.js', {scope: '/canvass/'}).catch(() => {});
    await render();
    await sync();
  }

  start();
})();
