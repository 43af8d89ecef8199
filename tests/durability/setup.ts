import { setFreshDatabaseSeeder } from '../../server/store/open';
import { seedPgliteDir } from './template';

// Every test worker starts fresh data directories from a template copy instead of an initdb.
setFreshDatabaseSeeder(seedPgliteDir);
