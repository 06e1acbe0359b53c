import type { Role } from '../generated/prisma/enums';

// Demo accounts only: the seed creates them, `npm start` prints them, e2e tests log in as them.
// Passwords are public on purpose; a production deployment creates its own users.
export interface DemoUser {
  key: 'analyst' | 'analyst2' | 'supervisor' | 'supervisor2' | 'privacy' | 'admin';
  email: string;
  name: string;
  role: Role;
  unit: string;
  password: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { key: 'analyst', email: 'analyst@proportio.test', name: 'Ana Lindqvist', role: 'ANALYST', unit: 'PIU Frankfurt', password: 'demo-analyst-1-pass' },
  { key: 'analyst2', email: 'analyst2@proportio.test', name: 'Kwame Mensah', role: 'ANALYST', unit: 'PIU Frankfurt', password: 'demo-analyst-2-pass' },
  { key: 'supervisor', email: 'supervisor@proportio.test', name: 'Sofia Petrova', role: 'SUPERVISOR', unit: 'PIU Frankfurt', password: 'demo-supervisor-1-pass' },
  { key: 'supervisor2', email: 'supervisor2@proportio.test', name: 'Jonas Weber', role: 'SUPERVISOR', unit: 'PIU Frankfurt', password: 'demo-supervisor-2-pass' },
  { key: 'privacy', email: 'privacy@proportio.test', name: 'Amira Haddad', role: 'PRIVACY_OFFICER', unit: 'Data Protection Office', password: 'demo-privacy-officer-pass' },
  { key: 'admin', email: 'admin@proportio.test', name: 'Lukas Novak', role: 'ADMINISTRATOR', unit: 'IT Operations', password: 'demo-administrator-pass' },
];
