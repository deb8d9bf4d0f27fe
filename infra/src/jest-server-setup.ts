// `testTimeout` in a project config is ignored when jest runs several projects; this applies it per file.
jest.setTimeout(120_000);
