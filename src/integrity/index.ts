export { integrityModule } from './integrity.module.js'
