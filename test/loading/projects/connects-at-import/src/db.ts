import { Client } from 'pg';

export const client = new Client({ host: '127.0.0.1', port: 1, user: 'app', database: 'app' });
// Connects as soon as the module loads: nothing catches the failure.
void client.connect();
