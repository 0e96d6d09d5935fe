// framer-motion's animation features (layout animations need domMax), loaded after the first paint.
export { domMax as default } from 'framer-motion';
