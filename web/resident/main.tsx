import { mountPlaceholder } from '../shared/placeholder/mount-placeholder.js'

mountPlaceholder('resident')
