import type { StarterTemplate } from './template';

/** FastAPI service with pytest; runs with `pip install -r requirements.txt && pytest`. */
export const fastapiTemplate: StarterTemplate = {
  framework: 'fastapi',
  render(project) {
    return [
      { path: 'requirements.txt', content: 'fastapi==0.115.6\nuvicorn==0.32.1\nhttpx==0.28.1\npytest==8.3.4\n' },
      {
        path: 'app/main.py',
        content: `from fastapi import FastAPI

app = FastAPI(title=${JSON.stringify(project.name)})


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/")
def index() -> dict[str, str]:
    return {"name": ${JSON.stringify(project.name)}}
`,
      },
      { path: 'app/__init__.py', content: '' },
      { path: 'tests/__init__.py', content: '' },
      {
        path: 'tests/test_main.py',
        content: `from fastapi.testclient import TestClient

from app.main import app

client = TestClient(app)


def test_health_answers_ok() -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
`,
      },
      { path: '.gitignore', content: '__pycache__/\n.venv/\n' },
      {
        path: 'README.md',
        content: `# ${project.name}\n\n${project.description || 'A FastAPI service.'}\n\n\`\`\`sh\npython3 -m venv .venv && . .venv/bin/activate\npip install -r requirements.txt\npytest\nuvicorn app.main:app --reload\n\`\`\`\n`,
      },
    ];
  },
};
