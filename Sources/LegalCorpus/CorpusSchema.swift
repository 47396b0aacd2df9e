import JianzhengXML

/// The XSD every corpus document is validated against: the subset of Akoma Ntoso 3.0 that Jianzheng reads
/// (`akn-subset.xsd`) and its proprietary metadata (`jianzheng.xsd`).
///
/// The schema is compiled into the binary, not read from the corpus folder: a corpus carries no executable
/// schema (an XSD can include files and URLs), and the tool validates the same way from any directory.
/// `jianzheng corpus schema --out DIR` writes these files for other XML tools.
public enum CorpusSchema {
    /// The schema files, the main one first.
    public static let files: [XMLSchema.EmbeddedFile] = [
        XMLSchema.EmbeddedFile(name: "akn-subset.xsd", text: aknSubset),
        XMLSchema.EmbeddedFile(name: "jianzheng.xsd", text: proprietary),
    ]

    /// The compiled schema, built once per process.
    public static let compiled: Result<XMLSchema, SchemaLoadError> = XMLSchema.compile(files[0], imports: Array(files.dropFirst()))

    static let aknSubset = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!-- The subset of Akoma Ntoso 3.0 that Jianzheng reads, plus its proprietary metadata (jianzheng.xsd). -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:akn="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
           xmlns:jz="urn:jianzheng:legal-metadata:1"
           targetNamespace="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
           elementFormDefault="qualified">
  <xs:import namespace="urn:jianzheng:legal-metadata:1" schemaLocation="jianzheng.xsd"/>

  <xs:element name="akomaNtoso">
    <xs:complexType>
      <xs:choice>
        <xs:element name="act" type="akn:hierarchicalDocument"/>
        <xs:element name="doc" type="akn:openStructure"/>
      </xs:choice>
    </xs:complexType>
  </xs:element>

  <xs:complexType name="hierarchicalDocument">
    <xs:sequence>
      <xs:element name="meta" type="akn:meta"/>
      <xs:element name="preface" type="akn:blocks" minOccurs="0"/>
      <xs:element name="body" type="akn:body"/>
      <xs:element name="attachments" type="akn:attachments" minOccurs="0"/>
    </xs:sequence>
    <xs:attribute name="name" type="xs:string" use="required"/>
  </xs:complexType>

  <!-- A document without articles (规范性文件): Akoma Ntoso names its body mainBody. -->
  <xs:complexType name="openStructure">
    <xs:sequence>
      <xs:element name="meta" type="akn:meta"/>
      <xs:element name="preface" type="akn:blocks" minOccurs="0"/>
      <xs:choice>
        <xs:element name="mainBody" type="akn:docBody"/>
        <!-- What Akoma Ntoso calls mainBody in a doc; older corpora wrote body (a warning). -->
        <xs:element name="body" type="akn:body"/>
      </xs:choice>
      <xs:element name="attachments" type="akn:attachments" minOccurs="0"/>
    </xs:sequence>
    <xs:attribute name="name" type="xs:string" use="required"/>
  </xs:complexType>

  <!-- Annexes (附件, 附表): each a doc of its own, its numbered items hcontainers named item (附件1第3项 is att_1__item_3). -->
  <xs:complexType name="attachments">
    <xs:sequence>
      <xs:element name="attachment" maxOccurs="unbounded">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="num" type="xs:string"/>
            <xs:element name="heading" type="xs:string" minOccurs="0"/>
            <xs:element name="doc">
              <xs:complexType>
                <xs:sequence>
                  <xs:element name="meta">
                    <xs:complexType>
                      <xs:sequence><xs:element name="identification" type="akn:identification"/></xs:sequence>
                    </xs:complexType>
                  </xs:element>
                  <xs:element name="mainBody">
                    <xs:complexType>
                      <xs:sequence>
                        <xs:element name="p" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
                        <xs:element name="hcontainer" minOccurs="0" maxOccurs="unbounded">
                          <xs:complexType>
                            <xs:sequence>
                              <xs:element name="num" type="xs:string"/>
                              <xs:element name="content" type="akn:blocks"/>
                            </xs:sequence>
                            <xs:attribute name="eId" type="akn:eId" use="required"/>
                            <xs:attribute name="name" type="xs:string" fixed="item" use="required"/>
                          </xs:complexType>
                        </xs:element>
                      </xs:sequence>
                    </xs:complexType>
                  </xs:element>
                </xs:sequence>
                <xs:attribute name="name" type="xs:string" use="required"/>
              </xs:complexType>
            </xs:element>
          </xs:sequence>
          <xs:attribute name="eId" type="akn:eId" use="required"/>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="meta">
    <xs:sequence>
      <xs:element name="identification" type="akn:identification"/>
      <xs:element name="proprietary">
        <xs:complexType>
          <xs:sequence>
            <xs:element ref="jz:act"/>
          </xs:sequence>
          <xs:attribute name="source" type="xs:string" use="required"/>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="identification">
    <xs:sequence>
      <xs:element name="FRBRWork" type="akn:frbr"/>
      <xs:element name="FRBRExpression" type="akn:frbr"/>
      <!-- Required by Akoma Ntoso; optional here so that older corpora still load (with a warning). -->
      <xs:element name="FRBRManifestation" type="akn:frbr" minOccurs="0"/>
    </xs:sequence>
    <xs:attribute name="source" type="xs:string" use="required"/>
  </xs:complexType>

  <xs:complexType name="frbr">
    <xs:sequence>
      <xs:element name="FRBRthis" type="akn:valueAttribute"/>
      <xs:element name="FRBRuri" type="akn:valueAttribute"/>
      <xs:element name="FRBRdate">
        <xs:complexType>
          <xs:attribute name="date" type="xs:date" use="required"/>
          <xs:attribute name="name" type="xs:string" use="required"/>
        </xs:complexType>
      </xs:element>
      <xs:element name="FRBRauthor">
        <xs:complexType><xs:attribute name="href" type="xs:string" use="required"/></xs:complexType>
      </xs:element>
      <xs:element name="FRBRcountry" type="akn:valueAttribute" minOccurs="0"/>
      <xs:element name="FRBRnumber" type="akn:valueAttribute" minOccurs="0"/>
      <xs:element name="FRBRname" type="akn:valueAttribute" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element name="FRBRlanguage" minOccurs="0">
        <xs:complexType><xs:attribute name="language" type="xs:string" use="required"/></xs:complexType>
      </xs:element>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="valueAttribute">
    <xs:attribute name="value" type="xs:string" use="required"/>
  </xs:complexType>

  <xs:group name="units">
    <xs:choice>
      <xs:element name="book" type="akn:division"/>
      <xs:element name="chapter" type="akn:division"/>
      <xs:element name="section" type="akn:division"/>
      <xs:element name="article" type="akn:provision"/>
    </xs:choice>
  </xs:group>

  <xs:complexType name="body">
    <xs:sequence>
      <xs:group ref="akn:units" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>

  <!-- A doc's body: the lines before its first section (主送机关, the opening; all of a 决定 without sections), then its sections. -->
  <xs:complexType name="docBody">
    <xs:sequence>
      <xs:element name="p" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
      <xs:group ref="akn:units" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="division">
    <xs:sequence>
      <xs:element name="num" type="xs:string"/>
      <xs:element name="heading" type="xs:string" minOccurs="0"/>
      <xs:choice maxOccurs="unbounded">
        <xs:element name="chapter" type="akn:division"/>
        <xs:element name="section" type="akn:division"/>
        <xs:element name="article" type="akn:provision"/>
        <xs:element name="paragraph" type="akn:provision"/>
        <xs:element name="content" type="akn:blocks"/>
      </xs:choice>
    </xs:sequence>
    <xs:attribute name="eId" type="akn:eId" use="required"/>
  </xs:complexType>

  <xs:complexType name="provision">
    <xs:sequence>
      <xs:element name="num" type="xs:string"/>
      <xs:element name="heading" type="xs:string" minOccurs="0"/>
      <xs:choice>
        <xs:element name="content" type="akn:blocks"/>
        <xs:sequence>
          <xs:element name="intro" type="akn:blocks" minOccurs="0"/>
          <xs:choice maxOccurs="unbounded">
            <xs:element name="paragraph" type="akn:provision"/>
            <xs:element name="point" type="akn:provision"/>
          </xs:choice>
          <xs:element name="wrapUp" type="akn:blocks" minOccurs="0"/>
        </xs:sequence>
      </xs:choice>
    </xs:sequence>
    <xs:attribute name="eId" type="akn:eId" use="required"/>
  </xs:complexType>

  <xs:complexType name="blocks">
    <xs:sequence>
      <xs:element name="p" type="xs:string" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>

  <xs:simpleType name="eId">
    <xs:restriction base="xs:string">
      <xs:pattern value="(book|art|chp|sec|para|point)_[0-9a-z]+(_[0-9]+)?(__(chp|art|sec|para|point)_[0-9a-z]+(_[0-9]+)?)*"/>
      <xs:pattern value="att_[0-9]+(__item_[0-9]+)?"/>
    </xs:restriction>
  </xs:simpleType>
</xs:schema>
"""#

    static let proprietary = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!-- Jianzheng's proprietary act metadata, carried in akn:proprietary. -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:jz="urn:jianzheng:legal-metadata:1"
           targetNamespace="urn:jianzheng:legal-metadata:1"
           elementFormDefault="qualified">
  <xs:element name="act">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="alias" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
        <xs:element name="replaces" type="jz:workRef" minOccurs="0" maxOccurs="unbounded"/>
        <xs:element name="delegatesFrom" type="jz:workRef" minOccurs="0" maxOccurs="unbounded"/>
        <!-- An article this version's amendment renumbered: from its old eId to its new one. -->
        <xs:element name="renumbered" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:attribute name="from" type="xs:string" use="required"/>
            <xs:attribute name="to" type="xs:string" use="required"/>
          </xs:complexType>
        </xs:element>
        <xs:element name="note" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
      </xs:sequence>
      <xs:attribute name="rank" type="jz:rank" use="required"/>
      <xs:attribute name="territory" type="jz:territory" use="required"/>
      <xs:attribute name="territoryName" type="xs:string" use="required"/>
      <xs:attribute name="issuer" type="xs:string" use="required"/>
      <xs:attribute name="effective" type="xs:date" use="required"/>
      <xs:attribute name="repealed" type="xs:date"/>
      <xs:attribute name="repealedBy" type="xs:string"/>
      <xs:attribute name="textStatus" type="jz:textStatus" use="required"/>
    </xs:complexType>
  </xs:element>

  <xs:complexType name="workRef">
    <xs:attribute name="href" type="xs:string" use="required"/>
  </xs:complexType>

  <xs:simpleType name="rank">
    <xs:restriction base="xs:string">
      <xs:enumeration value="law"/>
      <xs:enumeration value="administrative-regulation"/>
      <xs:enumeration value="state-council-decision"/>
      <xs:enumeration value="local-regulation"/>
      <xs:enumeration value="autonomous-regulation"/>
      <xs:enumeration value="departmental-rule"/>
      <xs:enumeration value="local-government-rule"/>
      <xs:enumeration value="normative-document"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="territory">
    <xs:restriction base="xs:string">
      <xs:pattern value="CN(-[0-9]{2})*"/>
    </xs:restriction>
  </xs:simpleType>

  <!-- verified: checked against an official text; excerpt: real wording, shortened; unverified: not checked. -->
  <xs:simpleType name="textStatus">
    <xs:restriction base="xs:string">
      <xs:enumeration value="verified"/>
      <xs:enumeration value="excerpt"/>
      <xs:enumeration value="unverified"/>
    </xs:restriction>
  </xs:simpleType>
</xs:schema>
"""#
}
