/** The portal module as seeds and builders see it (the vendor's side, acting as its contact). */
export { portalHome, uploadPortalEvidence } from './portal.service.ts';
