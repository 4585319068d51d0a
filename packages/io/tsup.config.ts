import { packageBuild } from '../../tsup.config.base.ts';

export default packageBuild(['src/index.ts', 'src/node.ts']);
