export { webModule } from './web.module.js'
export { webApps, webDist, webDistBuilt } from './web-dist.js'
