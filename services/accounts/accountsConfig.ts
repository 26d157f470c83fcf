// Configuration keys of services/accounts: spread into the one schema in services/config/config.ts.
// Every key here is also listed, with a comment, in .env.example.
export const accountsConfigShape = {};
