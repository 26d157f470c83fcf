// Configuration keys of services/identity: spread into the one schema in services/config/config.ts.
// Every key here is also listed, with a comment, in .env.example.
export const identityConfigShape = {};
