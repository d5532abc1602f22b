// Every statutory-return XML layout the pipeline reads; a file is matched to one by its content.
import { cinCensusXml } from './cin-census/xml.js';
import type { ReturnXmlLayout } from './lib/return-xml.js';
import { ssda903DfeXml } from './ssda903/dfe-xml.js';
import { ssda903Xml } from './ssda903/xml.js';

export const returnXmlLayouts: readonly ReturnXmlLayout[] = [cinCensusXml, ssda903Xml, ssda903DfeXml];
