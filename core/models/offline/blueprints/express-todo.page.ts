/** The todo blueprint's frontend: one static page the Express app serves from public/. No build step, no packages. */
import type { BlueprintFile } from '../blueprint';

// Paths are relative (`todos`, not `/todos`) so the page also works under a sandbox preview's path prefix.
const indexHtml = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Todos</title>
  <style>
    body { font: 16px/1.5 system-ui, sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem; }
    li.done span { text-decoration: line-through; color: #666; }
    #error { color: #b00020; min-height: 1.5em; }
  </style>
</head>
<body>
  <h1>Todos</h1>
  <form id="new-todo">
    <input id="title" name="title" placeholder="What needs doing?" maxlength="200" required>
    <button type="submit">Add</button>
  </form>
  <p id="error" role="alert"></p>
  <ul id="todos"></ul>
  <script>
    const list = document.getElementById('todos');
    const error = document.getElementById('error');

    async function request(method, path, body) {
      const init = { method };
      if (body !== undefined) {
        init.headers = { 'content-type': 'application/json' };
        init.body = JSON.stringify(body);
      }
      const res = await fetch(path, init);
      const data = res.status === 204 ? undefined : await res.json();
      if (!res.ok) throw new Error(data && data.errors ? data.errors.join(', ') : (data && data.error) || res.statusText);
      return data;
    }

    function item(todo) {
      const li = document.createElement('li');
      li.className = todo.completed ? 'done' : '';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = todo.completed;
      box.addEventListener('change', () => show(request('PATCH', 'todos/' + todo.id, { completed: box.checked })));
      const title = document.createElement('span');
      title.textContent = todo.title;
      const remove = document.createElement('button');
      remove.textContent = 'Delete';
      remove.addEventListener('click', () => show(request('DELETE', 'todos/' + todo.id)));
      li.append(box, ' ', title, ' ', remove);
      return li;
    }

    // Applies a change, then reloads the list, so the page always shows what the API holds.
    async function show(change) {
      try {
        await change;
        error.textContent = '';
      } catch (err) {
        error.textContent = err.message;
      }
      list.replaceChildren(...(await request('GET', 'todos')).map(item));
    }

    document.getElementById('new-todo').addEventListener('submit', (event) => {
      event.preventDefault();
      const input = document.getElementById('title');
      show(request('POST', 'todos', { title: input.value }).then(() => { input.value = ''; }));
    });

    show(Promise.resolve());
  </script>
</body>
</html>
`;

/** public/index.html: lists, adds, completes and deletes todos through the API with fetch. */
export const expressTodoPage: BlueprintFile[] = [{ path: 'public/index.html', content: indexHtml }];
